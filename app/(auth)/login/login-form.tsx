"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { signInAction } from "@/lib/actions/auth";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const signInSchema: SchemaLoader = () => import("@/lib/domain/auth/schemas").then((m) => m.signInSchema);

export function LoginForm({ callbackUrl, email, notice }: { callbackUrl?: string; email?: string; notice?: string }) {
  const router = useRouter();
  const [step, setStep] = useState<"password" | "mfa">("password");
  const { errors, formError, pending, submit } = useActionForm({
    schema: signInSchema,
    action: signInAction,
    onSuccess: (result) => {
      if (result.next === "mfa") {
        setStep("mfa");
      } else if (result.next === "enrol") {
        const params = new URLSearchParams({ token: result.token, ...(callbackUrl ? { callbackUrl } : {}) });
        router.push(`/login/mfa-setup?${params}`);
      } else {
        hardNavigate(result.to);
      }
    },
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{step === "mfa" ? "Two-factor authentication" : "Sign in"}</CardTitle>
        <CardDescription>
          {step === "mfa"
            ? "Enter the 6-digit code from your authenticator app."
            : "Use your TiKiT e-mail and password."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form method="post" onSubmit={submit} noValidate className="grid gap-4">
          {notice && !formError ? <Alert variant="success">{notice}</Alert> : null}
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <div className={step === "mfa" ? "sr-only" : "grid gap-4"} aria-hidden={step === "mfa"}>
            <FormField id="email" label="E-mail" error={errors.email}>
              <Input
                name="email"
                type="email"
                autoComplete="username"
                defaultValue={email}
                autoFocus
                required
                tabIndex={step === "mfa" ? -1 : 0}
              />
            </FormField>
            <FormField id="password" label="Password" error={errors.password}>
              <Input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                tabIndex={step === "mfa" ? -1 : 0}
              />
            </FormField>
          </div>
          {step === "mfa" ? (
            <FormField id="code" label="Authentication code" error={errors.code}>
              <Input
                name="code"
                autoFocus
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                required
              />
            </FormField>
          ) : null}
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <Button type="submit" disabled={pending}>
            {pending ? "Signing in…" : step === "mfa" ? "Verify" : "Sign in"}
          </Button>
          {step === "password" ? (
            <Link
              href="/forgot-password"
              className="text-center text-sm text-muted-foreground underline-offset-4 hover:underline"
            >
              Forgot your password?
            </Link>
          ) : (
            <Button type="button" variant="ghost" onClick={() => setStep("password")}>
              Back
            </Button>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
