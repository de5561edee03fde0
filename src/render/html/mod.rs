//! The HTML report (issue 23): one self-contained page — escaped text, inline SVG charts drawn
//! here, and the page's own stylesheet and script, with nothing fetched from anywhere.

pub mod escape;
pub mod svg;
