//! Integration test cases, one module per capability.
