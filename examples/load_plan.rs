//! An engine developer's first step (docs/plan.md): load a compiled plan,
//! verified, and read what it asks for. Builds with only the `plan` feature:
//!
//!     cargo run --example load_plan --no-default-features --features plan -- rencana.json 432
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), capacity) = (args.get(1), args.get(2).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: load_plan PLAN.json [CAPACITY]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    // Format version, integrity hash and structure are checked here.
    let plan = match juknis::plan::load(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for unit in &plan.seleksi {
        println!(
            "wave {} · {} · {}% · {} criteria",
            unit.tahap,
            unit.id,
            unit.kuota,
            unit.urutan.len()
        );
    }
    // Seats at one school, exactly as every engine must split them.
    for (jalur, seats, _) in plan.kursi.alokasi(capacity.unwrap_or(360)).jalur {
        println!("{jalur}: {seats} seats");
    }
    ExitCode::SUCCESS
}
