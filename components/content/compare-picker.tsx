import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { ARTIFACT_TYPE_LABELS, type ArtifactView } from "./types";

/** Chooses the two versions to compare; a plain GET form, so it works before hydration and by keyboard. */
export function ComparePicker({
  action,
  versions,
  from,
  to,
  keep,
}: {
  action: string;
  versions: ArtifactView[];
  from?: string;
  to?: string;
  keep?: Record<string, string>;
}) {
  if (versions.length < 2) return <p className="text-sm text-muted-foreground">Two versions are needed to compare.</p>;
  const sorted = [...versions].sort((a, b) =>
    a.artifactType === b.artifactType ? a.version - b.version : a.artifactType.localeCompare(b.artifactType),
  );
  const option = (a: ArtifactView) => (
    <option key={a.id} value={a.id}>
      {ARTIFACT_TYPE_LABELS[a.artifactType]} v{a.version}
    </option>
  );
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2" aria-label="Compare versions">
      {Object.entries(keep ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="grid gap-1 text-sm">
        <span className="font-medium">Compare</span>
        <NativeSelect name="from" defaultValue={from ?? sorted[sorted.length - 2].id} className="h-9 w-36">
          {sorted.map(option)}
        </NativeSelect>
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">with</span>
        <NativeSelect name="to" defaultValue={to ?? sorted[sorted.length - 1].id} className="h-9 w-36">
          {sorted.map(option)}
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline">
        Compare
      </Button>
    </form>
  );
}
