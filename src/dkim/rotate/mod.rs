//! DKIM key rotation (RFC 6376 §3.1 selectors; M3AAWG key rotation practice).
