//! `ztp`: see the library's documentation (`ztp_cli`) for the commands and
//! their exit codes.

fn main() -> std::process::ExitCode {
    ztp_cli::run()
}
