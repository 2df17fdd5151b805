/** "Export all": many files into one ZIP (fflate), pure; the browser download is download.ts. */
import { zipSync } from 'fflate';

export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  // PNG and XLSX are already compressed: store them, deflate the text formats.
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, [data, { level: /\.(png|xlsx|zip)$/i.test(name) ? 0 : 6 }] as const]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}
