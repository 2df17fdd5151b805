/** Browser download of bytes or text under a file name (the only place that touches the DOM for exports). */
export function download(data: Uint8Array | string | Blob, fileName: string, mime = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe stem: keeps Chinese, letters, digits; adds the date so briefings sort. */
export const fileStem = (title: string, date = new Date()): string =>
  `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)}_${date.toISOString().slice(0, 10)}`;
