"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { PLATFORMS } from "@/lib/domain/enums";
import {
  addSocialAccountAction,
  removeSocialAccountAction,
  updateSocialAccountAction,
} from "@/lib/actions/influencers";
import { formatCount, formatEngagement, titleCase } from "./format";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const socialAccountSchema: SchemaLoader = () =>
  import("@/lib/domain/influencers/schemas").then((m) => m.socialAccountSchema);

export type SocialView = {
  id: string;
  platform: string;
  handle: string;
  url: string | null;
  followers: number;
  engagementRate: string | null;
  avgViews: number | null;
  verified: boolean;
};

function SocialDialog({
  influencerId,
  social,
  open,
  onClose,
}: {
  influencerId: string;
  social: SocialView | null;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const done = () => {
    onClose();
    router.refresh();
  };
  const add = useActionForm({ schema: socialAccountSchema, action: addSocialAccountAction, onSuccess: done });
  const edit = useActionForm({ schema: socialAccountSchema, action: updateSocialAccountAction, onSuccess: done });
  const { errors, formError, pending, submit } = social ? edit : add;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={social ? `Edit @${social.handle}` : "Add a social account"}
      description="A handle is unique per platform in the agency."
      onSubmit={submit}
      formError={formError}
      pending={pending}
      submitLabel={social ? "Save account" : "Add account"}
    >
      <input type="hidden" name="influencerId" value={influencerId} />
      {social ? <input type="hidden" name="socialId" value={social.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="s-platform" label="Platform" error={errors.platform}>
          <NativeSelect name="platform" defaultValue={social?.platform ?? "INSTAGRAM"}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {titleCase(p)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="s-handle" label="Handle" error={errors.handle}>
          <Input name="handle" defaultValue={social?.handle} autoFocus autoComplete="off" />
        </FormField>
        <FormField id="s-followers" label="Followers" error={errors.followers}>
          <Input name="followers" type="number" min={0} defaultValue={social?.followers ?? 0} />
        </FormField>
        <FormField id="s-engagement" label="Engagement rate (%)" error={errors.engagementRate}>
          <Input name="engagementRate" inputMode="decimal" defaultValue={social?.engagementRate ?? ""} />
        </FormField>
        <FormField id="s-views" label="Average views" error={errors.avgViews}>
          <Input name="avgViews" type="number" min={0} defaultValue={social?.avgViews ?? ""} />
        </FormField>
        <FormField id="s-url" label="Profile URL" error={errors.url}>
          <Input name="url" type="url" defaultValue={social?.url ?? ""} />
        </FormField>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="verified" defaultChecked={social?.verified ?? false} className="size-4" />
        Verified account
      </label>
    </FormDialog>
  );
}

/** The profile's social accounts; totals on the profile follow every change. */
export function SocialsPanel({
  influencerId,
  socials,
  editable,
}: {
  influencerId: string;
  socials: SocialView[];
  editable: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<SocialView | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (social: SocialView) => {
    if (!window.confirm(`Remove @${social.handle} (${titleCase(social.platform)})?`)) return;
    startTransition(async () => {
      const result = await removeSocialAccountAction({ influencerId, socialId: social.id });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  };
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Social accounts</CardTitle>
        {editable ? (
          <Button size="sm" onClick={() => setAdding(true)}>
            Add account
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {error ? (
          <p role="alert" className="mb-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <ul className="divide-y" aria-label="Social accounts">
          {socials.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <div>
                <p className="font-medium">
                  {titleCase(s.platform)} · @{s.handle}{" "}
                  {s.verified ? <span className="text-xs text-muted-foreground">(verified)</span> : null}
                </p>
                <p className="text-muted-foreground">
                  {formatCount(s.followers)} followers · {formatEngagement(s.engagementRate)} engagement
                  {s.avgViews !== null ? ` · ${formatCount(s.avgViews)} avg views` : ""}
                </p>
              </div>
              {editable ? (
                <div className="flex gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(s)} aria-label={`Edit @${s.handle}`}>
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => remove(s)}
                    disabled={pending}
                    aria-label={`Remove @${s.handle}`}
                  >
                    Remove
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
      {editable ? (
        <>
          <SocialDialog
            key={adding ? "new-open" : "new"}
            influencerId={influencerId}
            social={null}
            open={adding}
            onClose={() => setAdding(false)}
          />
          <SocialDialog
            key={editing?.id ?? "none"}
            influencerId={influencerId}
            social={editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
          />
        </>
      ) : null}
    </Card>
  );
}
