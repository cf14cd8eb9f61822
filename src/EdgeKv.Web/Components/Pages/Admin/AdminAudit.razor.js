// The browser's time zone (IANA, e.g. "Asia/Shanghai"), so the audit log shows times as the reader's clock does.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
