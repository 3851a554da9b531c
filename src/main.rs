//! The `juknis` command line. miette is the application shell here (I/O and usage
//! errors); diagnostics about juknis files are rendered by `diagnostic::render`.

mod cli;

// mimalloc keeps freed pages for reuse: `juknis run` allocates and frees large
// per-wave buffers, and the system allocator hands each back to the kernel.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
