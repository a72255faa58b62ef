// The schema's enums arrive in the app as string-literal unions (gql.tada). A select field gives a plain
// string: this narrows it to the vocabulary, or undefined when it is not one of its values (nothing chosen).
export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}
