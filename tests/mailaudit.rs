//! The one integration test binary: every test runs offline against in-process servers on
//! loopback (see `support`).

mod cases;
mod support;
