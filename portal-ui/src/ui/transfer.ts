import { csrfToken } from '../api/csrf';
import { ApiProblem, type ProblemBody } from '../api/problem';

/**
 * A multipart upload with progress (fetch cannot report upload progress): the session cookie and CSRF header
 * go along; a problem detail answer is thrown as {@link ApiProblem}.
 */
export function upload<T>(method: 'POST' | 'PUT', url: string, form: FormData,
                          onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(ApiProblem.network());
    xhr.onload = () => {
      let body: unknown;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined; } catch { body = undefined; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiProblem(xhr.status, (body && typeof body === 'object' ? body : {}) as ProblemBody));
    };
    xhr.send(form);
  });
}

/**
 * Downloads a file with progress and hands it to the browser's save dialog. The body is collected in memory, so use
 * it for files of a few hundred MB at most; a plain link is better for anything bigger.
 */
export async function download(url: string, fallbackName: string,
                               onProgress: (fraction: number | undefined) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw ApiProblem.network();
  }
  if (!response.ok) {
    let body: ProblemBody = {};
    try { body = await response.json() as ProblemBody; } catch { /* status alone */ }
    throw new ApiProblem(response.status, body);
  }
  const total = Number(response.headers.get('Content-Length')) || undefined;
  const reader = response.body?.getReader();
  const chunks: BlobPart[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total ? received / total : undefined);
    }
  } else {
    chunks.push(await response.blob());
  }
  onProgress(1);
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The file name of a Content-Disposition header, the RFC 5987 `filename*` first. */
export function fileName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}
