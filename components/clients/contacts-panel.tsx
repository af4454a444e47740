"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { MailIcon, PhoneIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { CONTACT_CHANNELS } from "@/lib/domain/clients/values";
import { createContactAction, deleteContactAction, updateContactAction } from "@/lib/actions/clients";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const contactFieldsSchema: SchemaLoader = () =>
  import("@/lib/domain/clients/schemas").then((m) => m.contactFieldsSchema);

export type ContactView = {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  preferredChannel: string;
  optInMarketing: boolean;
  optInReports: boolean;
};

function ContactDialog({
  clientId,
  contact,
  open,
  onClose,
}: {
  clientId: string;
  contact: ContactView | null;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const done = () => {
    onClose();
    router.refresh();
  };
  const create = useActionForm({ schema: contactFieldsSchema, action: createContactAction, onSuccess: done });
  const update = useActionForm({ schema: contactFieldsSchema, action: updateContactAction, onSuccess: done });
  const { errors, formError, pending, submit } = contact ? update : create;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={contact ? `Edit ${contact.name}` : "Add a contact"}
      description="People at the client the agency works with."
      onSubmit={submit}
      formError={formError}
      pending={pending}
      submitLabel={contact ? "Save contact" : "Add contact"}
    >
      <input type="hidden" name="clientId" value={clientId} />
      {contact ? <input type="hidden" name="contactId" value={contact.id} /> : null}
      <FormField id="contact-name" label="Name" error={errors.name}>
        <Input name="name" defaultValue={contact?.name} autoFocus required />
      </FormField>
      <FormField id="contact-title" label="Title" error={errors.title}>
        <Input name="title" defaultValue={contact?.title ?? ""} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="contact-email" label="E-mail" error={errors.email}>
          <Input name="email" type="email" defaultValue={contact?.email ?? ""} />
        </FormField>
        <FormField id="contact-phone" label="Phone" error={errors.phone}>
          <Input name="phone" type="tel" defaultValue={contact?.phone ?? ""} />
        </FormField>
      </div>
      <FormField id="contact-channel" label="Preferred channel" error={errors.preferredChannel}>
        <NativeSelect name="preferredChannel" defaultValue={contact?.preferredChannel ?? "EMAIL"}>
          {CONTACT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channel.charAt(0) + channel.slice(1).toLowerCase()}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <fieldset className="grid gap-2 text-sm">
        <legend className="mb-1 font-medium">Opt-ins</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="optInReports"
            defaultChecked={contact?.optInReports ?? true}
            className="size-4"
          />
          Receives campaign reports
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="optInMarketing"
            defaultChecked={contact?.optInMarketing ?? false}
            className="size-4"
          />
          Agrees to marketing e-mail
        </label>
      </fieldset>
    </FormDialog>
  );
}

/** The client's contacts; with `editable`, add, edit and remove them in place. */
export function ContactsPanel({
  clientId,
  contacts,
  editable,
}: {
  clientId: string;
  contacts: ContactView[];
  editable: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<ContactView | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (contact: ContactView) => {
    if (!window.confirm(`Remove ${contact.name} from this client?`)) return;
    startTransition(async () => {
      const result = await deleteContactAction({ clientId, contactId: contact.id });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      router.refresh();
    });
  };
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Contacts</CardTitle>
        {editable ? (
          <Button size="sm" onClick={() => setAdding(true)}>
            Add contact
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {error ? (
          <p role="alert" className="mb-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        {contacts.length === 0 ? (
          <p className="text-sm text-muted-foreground">No contacts yet.</p>
        ) : (
          <ul className="divide-y" aria-label="Contacts">
            {contacts.map((contact) => (
              <li key={contact.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{contact.name}</p>
                  {contact.title ? <p className="text-muted-foreground">{contact.title}</p> : null}
                  <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground">
                    {contact.email ? (
                      <a href={`mailto:${contact.email}`} className="inline-flex items-center gap-1 hover:underline">
                        <MailIcon className="size-3.5" aria-hidden />
                        {contact.email}
                      </a>
                    ) : null}
                    {contact.phone ? (
                      <a href={`tel:${contact.phone}`} className="inline-flex items-center gap-1 hover:underline">
                        <PhoneIcon className="size-3.5" aria-hidden />
                        {contact.phone}
                      </a>
                    ) : null}
                  </p>
                </div>
                {editable ? (
                  <div className="flex gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing(contact)}
                      aria-label={`Edit ${contact.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => remove(contact)}
                      disabled={pending}
                      aria-label={`Remove ${contact.name}`}
                    >
                      Remove
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {editable ? (
        <>
          <ContactDialog
            key={adding ? "new-open" : "new"}
            clientId={clientId}
            contact={null}
            open={adding}
            onClose={() => setAdding(false)}
          />
          <ContactDialog
            key={editing?.id ?? "none"}
            clientId={clientId}
            contact={editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
          />
        </>
      ) : null}
    </Card>
  );
}
