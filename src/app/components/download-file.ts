// Save text or a Blob as a file through a temporary link (the browser's download, no server round trip).

/**
 * Offers `data` as a download named `name`; text becomes a Blob of `type`.
 * @example downloadFile('a;b\r\n', 'tabel.csv', 'text/csv;charset=utf-8');
 */
export function downloadFile(data: string | Blob, name: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // revoke late: a large PDF may still be read by the browser after click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
