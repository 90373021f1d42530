//! The `gestio` command: everything lives in the library; see `gestio --help`.

fn main() -> std::process::ExitCode {
    gestio::cli::run()
}
