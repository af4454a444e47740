import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/portals";

// "/" sends a signed-in user to their own portal, anyone else to sign in.
export default async function Home() {
  const ctx = await getAuthContext();
  redirect(ctx ? homePath(ctx) : "/login");
}
