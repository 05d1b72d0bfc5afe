// A self-signed certificate for localhost and 127.0.0.1 (P-256, valid 2026-11-22 to 2126-10-29), made with
// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=localhost
// -addext subjectAltName=DNS:localhost,IP:127.0.0.1` for the tests of the client's TLS path only.

export const LOCALHOST_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUZZ269OmnII+nJGvsHBtnOpy7wC8wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMjAyNDUwNloYDzIxMjYxMDI5
MDI0NTA2WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATsCOigeHjZUhDVmCppDPp9Vltr9lRHc1sxh/4DBxfFTwRNBmFtJfRz
oDy202PVLryHOm5igmK/ItIEMnjq0JXto28wbTAdBgNVHQ4EFgQU/w5NpLdOqToQ
Wk5m+FwJgQRER6gwHwYDVR0jBBgwFoAU/w5NpLdOqToQWk5m+FwJgQRER6gwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIhAJnxJtOcNVg06XlHiQLyAuH66uZknDZhgx/N8/kck2TwAiBe
ZQyJIADs67sncqGy+4mbQfeqWUa4B0PBHMOy/j8Mww==
-----END CERTIFICATE-----
`;

export const LOCALHOST_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPqfc2tKrsscJDrPH
gW8G08p3LJSRSpagWmBRn+CWAnyhRANCAATsCOigeHjZUhDVmCppDPp9Vltr9lRH
c1sxh/4DBxfFTwRNBmFtJfRzoDy202PVLryHOm5igmK/ItIEMnjq0JXt
-----END PRIVATE KEY-----
`;
