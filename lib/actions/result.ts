/** What every server action returns: data, or an error the form can show beside its fields. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: string;
      message: string;
      /** Field path (dotted) → message, for react-hook-form's setError. */
      fieldErrors?: Record<string, string>;
      requestId: string;
    };
