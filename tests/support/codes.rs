//! One test per finding code: the table macro every protocol's tests use, and the check that a
//! protocol's table covers exactly its codes in the catalog.

#![allow(dead_code)]

use std::collections::BTreeSet;

/// The table of finding codes of one protocol: one `#[test]` per row, named after the code with
/// `-` written `_` (`cargo test spf_ptr` runs the `spf-ptr` row), calling `check(code, fixture)`
/// — which asserts that the fixture raises the code — and `TABLE`, the rows' names.
#[macro_export]
macro_rules! finding_code_table {
    (check: $check:path; $($code:ident => $fixture:expr;)*) => {
        /// The test names of the table, in order.
        pub(super) const TABLE: &[&str] = &[$(stringify!($code)),*];

        $(
            #[test]
            fn $code() {
                $check(&stringify!($code).replace('_', "-"), ($fixture).into());
            }
        )*
    };
}

/// Fails unless `table` (test names, `-` written `_`) holds exactly the catalog's codes that
/// start with one of `prefixes`.
pub fn assert_table_covers(table: &[&str], prefixes: &[&str]) {
    let catalog: BTreeSet<String> = mailaudit::catalog::all()
        .map(|c| c.as_str().to_string())
        .filter(|c| prefixes.iter().any(|p| c.starts_with(p)))
        .collect();
    let table: BTreeSet<String> = table.iter().map(|c| c.replace('_', "-")).collect();
    assert_eq!(
        table, catalog,
        "every catalog code needs a case, and only those"
    );
}
