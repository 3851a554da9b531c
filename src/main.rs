//! The `juknis` command line. miette is the application shell here (I/O and usage
//! errors); diagnostics about juknis files are rendered by `diagnostic::render`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
