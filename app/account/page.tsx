import type { Metadata } from "next";
import Link from "next/link";
import { MonitorIcon, SmartphoneIcon } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requiresMfa } from "@/lib/auth/context";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { homePath } from "@/lib/auth/portals";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/domain/auth/constants";
import { listSessions } from "@/lib/domain/auth/list-sessions";
import { listClients } from "@/lib/domain/clients/list-clients";
import { describeAssignment } from "@/lib/domain/users/labels";
import { formatDateTime } from "@/lib/utils";
import { EnableMfaButton } from "./enable-mfa-button";

export const metadata: Metadata = { title: "Your account" };

const NOTICES: Record<string, string> = {
  "mfa-on": "Two-factor authentication is on. From now on you sign in with your password and a code from your app.",
};

/** "Chrome on macOS" from a user-agent string; good enough to tell one's own devices apart. */
function describeDevice(userAgent: string | null) {
  if (!userAgent) return { label: "Unknown device", mobile: false };
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrom(e|ium)\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : /curl|node|undici|playwright/i.test(ua)
              ? "Script"
              : "Browser";
  const os = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Mac OS X|Macintosh/.test(ua)
        ? "macOS"
        : /Windows/.test(ua)
          ? "Windows"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return { label: os ? `${browser} on ${os}` : browser, mobile: /Mobile|iPhone|Android/.test(ua) };
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireUser();
  const { notice } = await searchParams;
  const scopedToClients = ctx.grants.some((grant) => grant.scopeType === "CLIENT");
  const [sessions, clients] = await Promise.all([
    // This browser first, then the others newest first.
    listSessions(ctx).then((rows) => [...rows].sort((a, b) => Number(b.current) - Number(a.current))),
    scopedToClients && can(ctx, "client.read")
      ? listClients(ctx, { take: 100, archived: "all" }).then((r) => r.items)
      : Promise.resolve([]),
  ]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const notes = typeof notice === "string" ? NOTICES[notice] : undefined;
  const others = sessions.filter((session) => !session.current).length;

  return (
    <div className="mx-auto w-full max-w-3xl">
      <PageHeader
        title="Your account"
        description="Your profile, how you sign in, and where you are signed in."
        actions={
          <Link href={homePath(ctx)} className="text-sm text-primary underline-offset-4 hover:underline">
            Back to your portal
          </Link>
        }
      />
      <div className="grid gap-6">
        {notes ? <Alert variant="success">{notes}</Alert> : null}

        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
            <CardDescription>Ask an admin of your agency to change your name, e-mail or roles.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
              <dt className="text-muted-foreground">Name</dt>
              <dd className="font-medium">{ctx.name}</dd>
              <dt className="text-muted-foreground">E-mail</dt>
              <dd className="font-medium break-all">{ctx.email}</dd>
              <dt className="text-muted-foreground">Roles</dt>
              <dd>
                <ul className="grid gap-1.5">
                  {ctx.grants.map((grant) => {
                    const { role, scope } = describeAssignment(grant, clientNames);
                    return (
                      <li key={`${grant.role}-${grant.scopeType}-${grant.scopeId}`} className="leading-tight">
                        <span className="font-medium">{role}</span>{" "}
                        <span className="text-muted-foreground">· {scope}</span>
                      </li>
                    );
                  })}
                  {ctx.grants.length === 0 ? <li className="text-muted-foreground">No role yet</li> : null}
                </ul>
              </dd>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Two-factor authentication</CardTitle>
            <CardDescription>
              A code from an authenticator app, asked for at every sign-in after your password.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {ctx.mfaEnabled ? (
              <div className="flex items-start gap-3 text-sm">
                <Badge variant="success">On</Badge>
                <p>
                  Your account is protected with a second factor.
                  {requiresMfa(ctx) ? (
                    <span className="block text-muted-foreground">
                      Your role requires it, so it cannot be turned off.
                    </span>
                  ) : null}
                </p>
              </div>
            ) : (
              <>
                <div className="flex items-start gap-3 text-sm">
                  <Badge variant="warning">Off</Badge>
                  <p>Anyone who learns your password can sign in as you.</p>
                </div>
                <EnableMfaButton />
              </>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Where you are signed in</CardTitle>
            <CardDescription>
              {sessions.length === 1
                ? "Only this browser is signed in."
                : `This browser and ${others} other ${others === 1 ? "session" : "sessions"}.`}{" "}
              A session ends by itself {SESSION_MAX_AGE_SECONDS / 86400} days after signing in.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            {sessions.length === 0 ? (
              <p className="text-sm text-muted-foreground">No active sessions were found.</p>
            ) : (
              <ul className="divide-y rounded-lg border">
                {sessions.map((session) => {
                  const device = describeDevice(session.userAgent);
                  const Icon = device.mobile ? SmartphoneIcon : MonitorIcon;
                  return (
                    <li key={session.id} className="flex items-start gap-3 p-3">
                      <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
                      <div className="min-w-0 flex-1 text-sm">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          {device.label}
                          {session.current ? <Badge variant="success">This browser</Badge> : null}
                        </p>
                        <p className="text-xs text-muted-foreground">
                          {session.current ? "Active now" : `Last active ${formatDateTime(session.lastSeenAt)}`}
                          {session.ip ? ` · IP ${session.ip}` : ""}
                        </p>
                        <p className="text-xs text-muted-foreground">
                          Signed in {formatDateTime(session.createdAt)} · ends {formatDateTime(session.expiresAt)}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            <div className="grid gap-2 rounded-lg border border-dashed p-4">
              <p className="text-sm font-medium">Lost a device, or signed in on a shared computer?</p>
              <p className="text-sm text-muted-foreground">
                “Sign out everywhere” ends every session above at once, this browser included. You then sign in again
                here with your password
                {ctx.mfaEnabled ? " and a code" : ""}.
              </p>
              <div>
                <SignOutButton everywhere />
              </div>
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
