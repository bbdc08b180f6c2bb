//! Writing to standard output: lines that end the program quietly when the
//! reader has gone, and whole files to a path or to standard output.

use std::io::Write as _;
use std::path::PathBuf;

use crate::error::CliError;

/// `println!` that ends the program quietly when the reader has gone (a
/// closed pipe, as with `| head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

// Lets the other modules `use crate::output::out` like any other item.
pub(crate) use out;

/// Writes `bytes` to the file at `out`, or to standard output when it is
/// `None`.
pub fn write_out(out: Option<&PathBuf>, bytes: &[u8]) -> Result<(), CliError> {
    let written = match out {
        Some(path) => std::fs::write(path, bytes),
        None => std::io::stdout().write_all(bytes),
    };
    written.map_err(|source| CliError::Unwritable {
        path: out.cloned(),
        source,
    })
}
