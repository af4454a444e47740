import "server-only";
import nodemailer from "nodemailer";
import { db, type Tx } from "@/lib/db/client";

// Every e-mail is stored first (the outbox in /admin shows them); with SMTP_HOST set it is also sent.
// Storing happens inside the caller's transaction, sending after it commits.

export type OutgoingEmail = { agencyId: string | null; to: string; subject: string; text: string };

export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<string> {
  const row = await tx.emailMessage.create({ data: { ...email, status: "STORED" }, select: { id: true } });
  return row.id;
}

let transport: nodemailer.Transporter | null | undefined;
function smtp() {
  if (transport !== undefined) return transport;
  const host = process.env.SMTP_HOST;
  transport = host
    ? nodemailer.createTransport({
        host,
        port: Number(process.env.SMTP_PORT ?? 587),
        secure: process.env.SMTP_SECURE === "true",
        auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD } : undefined,
      })
    : null;
  return transport;
}

/** Sends stored e-mails when SMTP is configured; without it they stay readable in the outbox. */
export async function deliverEmails(ids: string[]): Promise<void> {
  const transporter = smtp();
  if (!transporter || ids.length === 0) return;
  const emails = await db.emailMessage.findMany({ where: { id: { in: ids }, status: "STORED" } });
  for (const email of emails) {
    try {
      await transporter.sendMail({
        from: process.env.SMTP_FROM ?? "TiKiT <no-reply@tikit.local>",
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
      await db.emailMessage.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date() } });
    } catch (error) {
      console.error("[email] sending failed", email.id, error);
      await db.emailMessage.update({
        where: { id: email.id },
        data: { status: "FAILED", error: String(error).slice(0, 500) },
      });
    }
  }
}
