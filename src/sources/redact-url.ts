/** Database URLs may carry a password: lineage, reports and messages keep the rest. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
