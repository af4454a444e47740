"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { INFLUENCER_STATUSES } from "@/lib/domain/influencers/values";
import { setInfluencerStatusAction } from "@/lib/actions/influencers";
import { titleCase } from "./format";
import { ProfileForm, type ProfileFormValues } from "./profile-form";

/** Status switch and the promote / edit forms of a profile page. */
export function ProfileActions({ profile, status }: { profile: ProfileFormValues; status: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"none" | "promote" | "edit">("none");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const changeStatus = (next: string) =>
    startTransition(async () => {
      const result = await setInfluencerStatusAction({
        id: profile.id,
        status: next as (typeof INFLUENCER_STATUSES)[number],
        version: profile.version,
      });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid gap-1 text-sm">
          <span className="text-xs font-medium text-muted-foreground">Status</span>
          <NativeSelect
            aria-label="Status"
            value={status}
            disabled={pending}
            onChange={(e) => changeStatus(e.target.value)}
          >
            {INFLUENCER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </NativeSelect>
        </label>
        {profile.profileType === "STUB" ? (
          <Button onClick={() => setMode("promote")} disabled={mode === "promote"}>
            Promote to full profile
          </Button>
        ) : null}
        <Button variant="outline" onClick={() => setMode("edit")} disabled={mode === "edit"}>
          Edit profile
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {mode !== "none" ? (
        <Card>
          <CardHeader>
            <CardTitle>{mode === "promote" ? "Promote to a full profile" : "Edit profile"}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProfileForm
              key={`${mode}-${profile.version}`}
              profile={profile}
              mode={mode}
              onDone={() => setMode("none")}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
