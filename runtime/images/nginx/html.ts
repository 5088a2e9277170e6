import type { Volume } from '../../shell/fs/volume';

/**
 * When the image's /usr/share/nginx/html files were last modified: nginx's release tarball keeps
 * the release commit's time (release-1.29.3: 2025-10-28 12:05:10 UTC) and the package install
 * keeps it, so Last-Modified is `Tue, 28 Oct 2025 12:05:10 GMT` and the index's ETag
 * `"6900b176-267"`.
 */
export const IMAGE_FILE_MTIME = Date.UTC(2025, 9, 28, 12, 5, 10);

/** nginx's docs/html/50x.html (497 bytes), which default.conf serves for 500, 502, 503 and 504. */
export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/**
 * Gives the image's html files the image's modification time where they have none (0): the
 * kubelet builds a container's filesystem from the image's texts alone, without their times.
 */
export function stampImageFiles(fs: Volume): void {
  for (const name of ['index.html', '50x.html']) {
    const path = `/usr/share/nginx/html/${name}`;
    try {
      if (fs.stat(path).mtime === 0) fs.utimes(path, IMAGE_FILE_MTIME);
    } catch {
      // Removed or replaced by a mount.
    }
  }
}
