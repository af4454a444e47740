import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { INFLUENCER_STATUSES, PLATFORMS, PROFILE_TYPES, SEARCH_SORTS } from "@/lib/domain/influencers/schemas";
import { titleCase } from "./format";

type Params = Record<string, string | undefined>;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The search box and filters as a GET form: the state of the directory lives in the URL. */
export function InfluencerFilters({ basePath, params }: { basePath: string; params: Params }) {
  return (
    <form method="get" action={basePath} role="search" className="grid gap-3 rounded-xl border bg-card p-4">
      <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
        <label className="sr-only" htmlFor="inf-q">
          Search influencers
        </label>
        <Input
          id="inf-q"
          name="q"
          type="search"
          placeholder="Name or handle (typos are fine)"
          defaultValue={params.q}
        />
        <Button type="submit">Search</Button>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
        <Field id="inf-platform" label="Platform">
          <NativeSelect id="inf-platform" name="platform" defaultValue={params.platform ?? ""}>
            <option value="">Any</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {titleCase(p)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="inf-status" label="Status">
          <NativeSelect id="inf-status" name="status" defaultValue={params.status ?? ""}>
            <option value="">Any</option>
            {INFLUENCER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="inf-type" label="Profile">
          <NativeSelect id="inf-type" name="profileType" defaultValue={params.profileType ?? ""}>
            <option value="">Any</option>
            {PROFILE_TYPES.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="inf-niche" label="Niche">
          <Input id="inf-niche" name="niche" defaultValue={params.niche} placeholder="e.g. beauty" />
        </Field>
        <Field id="inf-country" label="Country">
          <Input id="inf-country" name="country" defaultValue={params.country} placeholder="e.g. DE" maxLength={2} />
        </Field>
        <Field id="inf-language" label="Language">
          <Input id="inf-language" name="language" defaultValue={params.language} placeholder="e.g. en" maxLength={2} />
        </Field>
        <Field id="inf-min-followers" label="Followers from">
          <Input
            id="inf-min-followers"
            name="minFollowers"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={params.minFollowers}
          />
        </Field>
        <Field id="inf-max-followers" label="Followers to">
          <Input
            id="inf-max-followers"
            name="maxFollowers"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={params.maxFollowers}
          />
        </Field>
        <Field id="inf-min-eng" label="Engagement from (%)">
          <Input
            id="inf-min-eng"
            name="minEngagement"
            type="number"
            min={0}
            max={100}
            step="0.01"
            defaultValue={params.minEngagement}
          />
        </Field>
        <Field id="inf-max-eng" label="Engagement to (%)">
          <Input
            id="inf-max-eng"
            name="maxEngagement"
            type="number"
            min={0}
            max={100}
            step="0.01"
            defaultValue={params.maxEngagement}
          />
        </Field>
        <Field id="inf-sort" label="Sort by">
          <NativeSelect id="inf-sort" name="sort" defaultValue={params.sort ?? ""}>
            <option value="">Best match / name</option>
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary" className="flex-1">
            Filter
          </Button>
          <Button asChild variant="ghost">
            <Link href={basePath}>Clear</Link>
          </Button>
        </div>
      </div>
    </form>
  );
}
