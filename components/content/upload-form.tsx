"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { ARTIFACT_TYPE_LABELS, type ArtifactTypeName } from "./types";

type Errors = Record<string, string>;

// What the upload route accepts per artifact type (it checks the file's bytes, not this hint).
const ACCEPT: Record<ArtifactTypeName, string> = {
  SCRIPT: "application/pdf",
  CAPTION: "application/pdf",
  DRAFT: "image/*,video/*,application/pdf",
  FINAL: "image/*,video/*,application/pdf",
  THUMBNAIL: "image/*",
};

/**
 * Uploads a new version (file and/or text) to POST /api/content/tasks/:id/artifacts with XMLHttpRequest, so
 * the progress bar can follow the bytes (fetch cannot report upload progress; server actions would buffer).
 */
export function UploadForm({
  taskId,
  types,
  defaultType,
  nextVersion,
}: {
  taskId: string;
  types: ArtifactTypeName[];
  defaultType: ArtifactTypeName;
  nextVersion: Partial<Record<ArtifactTypeName, number>>;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState<ArtifactTypeName>(defaultType);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const hasFile = file instanceof File && file.size > 0;
    if (!hasFile) data.delete("file");
    if (!hasFile && !String(data.get("text") ?? "").trim()) {
      setErrors({ file: "Choose a file or write the text" });
      form.querySelector<HTMLElement>('[name="file"]')?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setDone(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/content/tasks/${taskId}/artifacts`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => {
      setProgress(null);
      setFormError("The upload failed. Check your connection and try again.");
    };
    xhr.onload = () => {
      setProgress(null);
      let body: { data?: { version?: number }; error?: { message: string; fields?: Errors } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* a non-JSON answer is reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        form.reset();
        setDone(`Uploaded ${ARTIFACT_TYPE_LABELS[type]} version ${body.data?.version ?? ""}`.trim());
        router.refresh();
      } else {
        setErrors(body.error?.fields ?? {});
        setFormError(body.error?.message ?? `The upload failed (${xhr.status}).`);
      }
    };
    xhr.send(data);
  }

  const uploading = progress !== null;
  return (
    <form
      ref={formRef}
      method="post"
      encType="multipart/form-data"
      onSubmit={submit}
      className="grid gap-3"
      aria-label="Upload a new version"
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      {done ? (
        <p role="status" className="text-sm font-medium text-success">
          {done}
        </p>
      ) : null}
      <FormField id="upload-type" label="What are you uploading?" error={errors.artifactType}>
        <NativeSelect name="artifactType" value={type} onChange={(e) => setType(e.target.value as ArtifactTypeName)}>
          {types.map((t) => (
            <option key={t} value={t}>
              {ARTIFACT_TYPE_LABELS[t]} (will be v{nextVersion[t] ?? 1})
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id="upload-file"
        label="File (image, video or PDF)"
        error={errors.file}
        hint="Images up to 25 MB, videos up to 500 MB, PDFs up to 10 MB. Each upload becomes a new version."
      >
        <Input type="file" name="file" accept={ACCEPT[type]} />
      </FormField>
      <FormField id="upload-text" label="Text (script or caption)" error={errors.text}>
        <Textarea name="text" rows={4} maxLength={50000} />
      </FormField>
      <FormField id="upload-note" label="Note to the reviewer (optional)" error={errors.note}>
        <Input name="note" maxLength={2000} />
      </FormField>
      {uploading ? (
        <div className="grid gap-1">
          <label htmlFor="upload-progress" className="text-sm">
            Uploading… {progress}%
          </label>
          <progress
            id="upload-progress"
            max={100}
            value={progress}
            className="h-2 w-full overflow-hidden rounded accent-primary"
          />
        </div>
      ) : null}
      <Button type="submit" disabled={uploading}>
        {uploading ? "Uploading…" : `Upload ${ARTIFACT_TYPE_LABELS[type]} v${nextVersion[type] ?? 1}`}
      </Button>
    </form>
  );
}
