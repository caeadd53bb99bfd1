// The "Import data" button: opens the file picker for every format the importer reads.

import { type ChangeEvent, useRef } from "react";

export const IMPORT_ACCEPT = ".csv,.tsv,.txt,.json,.ndjson,.parquet";

export function ImportButton(props: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.currentTarget.files ?? []);
    // Clear the input so choosing the same file again still fires a change.
    event.currentTarget.value = "";
    if (files.length > 0) props.onFiles(files);
  };

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        Import data
      </button>
      {/* Visually hidden, not display:none, so automation can still set files on it by its label. */}
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        multiple
        aria-label="Import data file"
        className="visually-hidden"
        tabIndex={-1}
        disabled={props.disabled}
        onChange={onChange}
      />
    </>
  );
}
