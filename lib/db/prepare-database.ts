import { installJobSchema } from "@/lib/jobs/boss";
import { migrate } from "@/lib/db/migrate";
import { APP_ROLE, setUpAppRole, urlUser, withCredentials } from "@/lib/db/app-role";

// The migration step, run as the owner (DATABASE_URL) before any app process starts: the app's migrations,
// pg-boss's schema and queues, then the app role's grants over all of it. Returns the URL the web server and the
// worker connect with.

type PrepareOptions = {
  /** A URL for the app given by the operator (DATABASE_APP_URL): its role gets the grants, nothing else changes. */
  appUrl?: string;
  /** Otherwise the app role `tikit_app` is created (or its password set) with this password. */
  appPassword?: string;
  /** Another name for the created role (test runs on a shared server). */
  appRole?: string;
  log?: (line: string) => void;
};

export async function prepareDatabase(
  ownerUrl: string,
  options: PrepareOptions,
): Promise<{ appUrl: string; applied: string[] }> {
  const applied = await migrate(ownerUrl, { log: options.log });
  await installJobSchema(ownerUrl);
  if (options.appUrl) {
    await setUpAppRole(ownerUrl, urlUser(options.appUrl));
    return { appUrl: options.appUrl, applied };
  }
  if (!options.appPassword) throw new Error("prepareDatabase needs DATABASE_APP_URL or a password for the app role");
  const role = options.appRole ?? APP_ROLE;
  try {
    await setUpAppRole(ownerUrl, role, { password: options.appPassword });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not set up the database role "${role}" for the app (${message}). Give the role of DATABASE_URL the right to create roles, ` +
        'or create a role for the app yourself and set DATABASE_APP_URL (README, "Database roles")',
    );
  }
  return { appUrl: withCredentials(ownerUrl, role, options.appPassword), applied };
}
