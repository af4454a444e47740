import "server-only";
import { decrypt } from "@/lib/crypto/encryption";
import type { InfluencerProfile } from "@/lib/generated/prisma/client";
import { maskSecret } from "./scope";

/** A profile as it may leave the server: payment details only as their last four characters. */
export function toInfluencerView(profile: InfluencerProfile) {
  // Left out: the search columns (kept by triggers for the index, not data) and the raw payment details.
  const { paymentDetails, topEngagement, searchText, socialPlatforms, socialHandles, socialSummary, ...rest } = profile;
  let paymentDetailsLast4: string | null = null;
  if (paymentDetails) {
    try {
      paymentDetailsLast4 = maskSecret(decrypt(paymentDetails));
    } catch {
      paymentDetailsLast4 = "•••• (key unavailable)";
    }
  }
  return {
    ...rest,
    topEngagement: topEngagement === null ? null : topEngagement.toFixed(3),
    paymentDetailsLast4,
    hasPaymentDetails: paymentDetails !== null,
  };
}

export type InfluencerView = ReturnType<typeof toInfluencerView>;
