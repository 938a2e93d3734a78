// Shown by the delete-account dialog and checked by the delete-account
// service, so the words a person is asked to type are the ones accepted.

/** What a person types to confirm deletion: their email, or DELETE for an account without one. */
export function deletionPhraseFor(email: string | null): string {
  return email ?? "DELETE";
}
