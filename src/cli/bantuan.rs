//! The command line's help in two languages. Bahasa Indonesia is the default and
//! lives in the doc comments of the `Args` structs; English (`--lang en`) is the
//! table here, keyed by command and argument:
//!
//! - `""`: the program's description; `"check"`: a command's description
//!   (a command under a command: `"perintah sub"`);
//! - `".lang"`: a global argument; `"check.format"`: a command's argument, by
//!   its id (the field name: `deny_warnings`, not `--deny-warnings`);
//! - `"check.format=json"`: one value of an argument with described values.
//!
//! A text of more than one paragraph (`\n\n`) gives the short help its first
//! paragraph and the long help (`--help`) all of it. In Indonesian, clap's own
//! words (headings, `[default: …]`, the `-h`/`-V` flags) are replaced too; its
//! error messages stay English.

use clap::builder::{Resettable, StyledStr};
use clap::{Arg, ArgAction, Command};
use juknis::diagnostic::Lang;
use std::ffi::OsString;

/// The English help, by key (see the module's description).
const ENGLISH: &[(&str, &str)] = &[
    ("", "Checks SPMB juknis against Permendikdasmen 3/2025 and compiles them into selection plans"),
    (".lang", "Language of messages and help: id (Bahasa Indonesia) or en (English)"),
    (".no_color", "Never use colour (colour is also off when output is not a terminal or NO_COLOR is set)"),
    (".quiet", "Say less: `check` lists only files with problems, `fmt --check` only the exit code, `run` shows no progress or summary"),
    (".batas_ukuran", "Largest juknis file read, in bytes (see docs/limits.md)"),
    (".batas_baris", "Most data rows in a CSV file for `run`"),
    (".batas_sel", "Most bytes in one CSV cell for `run`"),
    (".batas_ukuran_data", "Largest CSV data file for `run`, in bytes"),
    ("banding", "What changed between two juknis and what it means against the regulation; with `--sekolah` and `--pendaftar`, what it does to applicants"),
    ("banding.lama", "The earlier juknis (e.g. last year's)"),
    ("banding.baru", "The new juknis"),
    ("banding.format", "Output format"),
    ("banding.output", "Write the comparison here (whole or not at all) instead of standard output"),
    ("banding.sekolah", "Schools file: with `--pendaftar`, run both juknis on the same data"),
    ("banding.pendaftar", "Applicants file (as for `juknis run`)"),
    ("banding.daftar", "Write every applicant whose outcome changes to this CSV file"),
    ("check", "Check juknis files and folders against the regulation"),
    ("check.format", "Output format"),
    ("check.format=human", "Rendered for people (default)"),
    ("check.format=json", "`juknis-laporan/1` JSON (docs/report.schema.json)"),
    ("check.format=sarif", "SARIF 2.1.0 for code-scanning tools"),
    ("check.format=github", "GitHub Actions annotations (`::error file=…`)"),
    ("check.format=gitlab", "GitLab Code Quality report (JSON)"),
    ("check.format=compact", "One line per diagnostic: `file:line:col: severity[code] message`"),
    ("check.format=junit", "JUnit XML, for CI systems that show test reports"),
    ("check.paths", "Files or folders (folders are searched for *.juknis); `-` reads standard input"),
    ("check.deny_warnings", "Exit 1 on warnings too"),
    ("check.fix", "Apply the fixes the checker is sure of (a percent written as a word, a decimal comma, a date in another form, the old jalur name `zonasi`), rewrite the file (whole or not at all) and report what is left"),
    ("compile", "Compile one juknis into a selection plan (JSON or YAML)"),
    ("compile.file", "The juknis file"),
    ("compile.format", "Format of the plan"),
    ("compile.output", "Write the plan here instead of standard output"),
    ("compile.sign", "Sign the plan with this minisign secret key (from `juknis kunci`); the signature goes beside the plan as `OUT.minisig`. Needs `-o`. A key with a password reads it from JUKNIS_SANDI_KUNCI"),
    ("compile.jenjang", "For a juknis split by jenjang (`bagian SMA { … }`): the section to compile. Without it every section is compiled, each plan to `-o`'s path with the jenjang before the extension (`rencana.SMA.json`)"),
    ("explain", "Explain a diagnostic code: the rule, its article and confidence, examples"),
    ("explain.code", "A diagnostic code, e.g. `kuota.domisili.min`; `all` (or `semua`) lists every code"),
    ("explain.tahun", "Show the rule as it holds in this school year, e.g. `2026/2027` (without it: the first version and every later change)"),
    ("fmt", "Rewrite juknis files in the canonical layout (`--check`: report only)"),
    ("fmt.paths", "Files or folders (folders are searched for *.juknis); `-` formats standard input to standard output"),
    ("fmt.check", "Change nothing; exit 1 when a file is not in the canonical layout"),
    ("fmt.diff", "Change nothing; print what would change as a unified diff (exit 1 when anything would)"),
    ("init", "Write a starting juknis for a jenjang: numbers at the national bounds, or with `--tanya` from the Dinas's answers (those not given stay placeholders)"),
    ("init.jenjang", "The jenjang of the juknis: TK, SD, SMP, SMA or SMK (with --tanya it may be answered on the terminal)"),
    ("init.pemerintah", "The issuing government, e.g. \"Provinsi Jawa Timur\", \"Kota Surabaya\", \"Kabupaten Sleman\" (without it: a placeholder that fails `check` until it is filled in)"),
    ("init.tahun", "Admission year (default: the next admission after today)"),
    ("init.output", "Write here instead of standard output"),
    ("init.force", "Overwrite an existing file"),
    ("init.tanya", "Ask the questions on the terminal (guided start); answers left empty stay as placeholders that fail `check`"),
    ("kepatuhan", "The conformance report: every applicable rule, grouped by article, with its status and the lines that meet or break it (HTML for A4, Markdown, JSON)"),
    ("kepatuhan.file", "The juknis file"),
    ("kepatuhan.format", "Format of the report"),
    ("kepatuhan.format=html", "A self-contained page printable on A4, with a signature block"),
    ("kepatuhan.format=md", "Markdown"),
    ("kepatuhan.format=json", "JSON `juknis-kepatuhan/1` (docs/kepatuhan.schema.json)"),
    ("kepatuhan.output", "Write the report here (whole or not at all) instead of standard output"),
    ("kunci", "Make a key pair for signing plans (minisign format)"),
    ("kunci.output", "Folder for juknis.key and juknis.pub"),
    ("lsp", "A Language Server Protocol server over standard input and output, for editors: diagnostics as you type, hover, completion, go to definition, formatting, quick fixes"),
    ("lsp.stdio", "Accepted for editors that pass it; the server always speaks over standard input and output"),
    ("run", "Run a plan on schools and applicants with the reference engine"),
    ("run.plan", "The plan (JSON or YAML from `juknis compile`), or a .juknis file"),
    ("run.sekolah", "Schools CSV: npsn, nama, daya_tampung, lintang, bujur, wilayah"),
    ("run.pendaftar", "Applicants CSV (see docs/engine.md for the columns)"),
    ("run.tidak_daftar_ulang", "File with the NISN (one per line) of accepted applicants who did not re-register; their seats are filled from the reserve lists"),
    ("run.output", "Folder for hasil.csv and ringkasan.csv (default: hasil.csv to standard output)"),
    ("run.explain", "Explain one applicant's result step by step"),
    ("run.lewati_baris_rusak", "Set unreadable rows aside (listed in the result as data_tidak_sah) instead of stopping at the first one"),
    ("run.lewati_nisn_tak_cocok", "Go on when a NISN of the no-show list matches no accepted applicant (default: report them and write nothing)"),
    ("run.verify", "Refuse the plan unless its minisign signature (PLAN.minisig, or `--signature`) matches this public key"),
    ("run.signature", "The plan's signature file, when not beside it as PLAN.minisig"),
    ("run.csv", "CSV dialect of the result files: `standar` (comma, for programs) or `excel` (`;`, a byte-order mark, NISN and NPSN kept as text — for spreadsheets in an Indonesian locale)"),
    ("run.per_sekolah", "Also write one result file per school, `DIR/sekolah/NPSN.csv`: its accepted applicants in rank order, then its reserve list (with -o)"),
    ("run.bawa", "Applicant columns to carry into the results unchanged, e.g. `nama,asal_sekolah`"),
    ("run.kunci", "Add each placed applicant's own ranking key (a `kunci` column in hasil.csv)"),
    ("synth", "Generate synthetic schools and applicants for a plan"),
    ("synth.plan", "The plan (JSON or YAML), or a .juknis file"),
    ("synth.sekolah", "Number of schools"),
    ("synth.pendaftar", "Number of applicants"),
    ("synth.benih", "Seed: the same seed gives the same files"),
    ("synth.output", "Folder for sekolah.csv and pendaftar.csv"),
];

/// Where the global arguments start in a command's list: after its own.
const GLOBAL_ORDER: usize = 100;
/// `-h` and `-V` come last, as clap's own do.
const HELP_ORDER: usize = 999;

fn find_english(key: &str) -> Option<&'static str> {
    ENGLISH.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The language the help is shown in: English with `--lang en` or
/// `--lang=en` before a `--`, Bahasa Indonesia otherwise. The first item is the
/// program's name.
pub fn lang_of_args(args: impl IntoIterator<Item = OsString>) -> Lang {
    let mut lang = Lang::Id;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let value = if arg == "--" {
            break;
        } else if arg == "--lang" {
            args.next()
        } else {
            arg.to_str()
                .and_then(|a| a.strip_prefix("--lang="))
                .map(OsString::from)
        };
        match value.as_ref().and_then(|v| v.to_str()) {
            Some("en") => lang = Lang::En,
            Some("id") => lang = Lang::Id,
            _ => {}
        }
    }
    lang
}

/// The command with its help in `lang`, ready to parse.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let mut cmd = localise_tree(cmd, "", lang);
    if lang == Lang::Id {
        // clap adds `help` and the usage lines when it builds the tree: they are
        // put into Indonesian after.
        cmd.build();
        cmd = localise_built(cmd);
    }
    cmd
}

/// The key of a command under the one at `path`.
fn child_path(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

fn localise_tree(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if lang == Lang::En {
        cmd = translate(cmd, path);
    }
    cmd = cmd.mut_args(|a| describe_values(a, path, lang));
    if path.is_empty() {
        let mut n = GLOBAL_ORDER;
        cmd = cmd.mut_args(|a| {
            if !a.is_global_set() {
                return a;
            }
            n += 1;
            a.display_order(n)
        });
    }
    if lang == Lang::Id {
        cmd = add_fixed_words(cmd);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = child_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| localise_tree(s, &sub_path, lang));
    }
    cmd
}

/// The short and the long help of a text: its first paragraph, and all of it
/// when there is more.
fn split_paragraphs(text: &str) -> (String, Option<String>) {
    match text.split_once("\n\n") {
        Some((first, _)) => (first.to_owned(), Some(text.to_owned())),
        None => (text.to_owned(), None),
    }
}

/// The English texts of a command and its own arguments.
fn translate(cmd: Command, path: &str) -> Command {
    let cmd = match find_english(path) {
        Some(text) => {
            let (short, long) = split_paragraphs(text);
            cmd.about(short).long_about(to_resettable(long))
        }
        None => cmd,
    };
    cmd.mut_args(|a| match find_english(&format!("{path}.{}", a.get_id())) {
        Some(text) => {
            let (short, long) = split_paragraphs(text);
            a.help(short).long_help(to_resettable(long))
        }
        None => a,
    })
}

/// The default and the possible values written into the help text itself, in
/// `lang` (clap would write them in English): `[bawaan: human] [pilihan: …]`
/// on the short help, the values with their descriptions on the long one.
fn describe_values(a: Arg, path: &str, lang: Lang) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let (default_word, values_word, values_heading) = match lang {
        Lang::Id => ("bawaan", "pilihan", "Pilihan"),
        Lang::En => ("default", "possible values", "Possible values"),
    };
    let defaults: Vec<String> = if a.is_hide_default_value_set() {
        Vec::new()
    } else {
        let d = a.get_default_values();
        d.iter().map(|v| v.to_string_lossy().into_owned()).collect()
    };
    let values: Vec<(String, Option<String>)> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                let key = format!("{path}.{}={}", a.get_id(), v.get_name());
                let help = match lang {
                    Lang::En => find_english(&key).map(str::to_owned),
                    Lang::Id => None,
                };
                let help = help.or_else(|| v.get_help().map(ToString::to_string));
                (v.get_name().to_owned(), help)
            })
            .collect()
    };
    if defaults.is_empty() && values.is_empty() {
        return a;
    }
    let default_note =
        (!defaults.is_empty()).then(|| format!("[{default_word}: {}]", defaults.join(" ")));
    let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
    let values_note =
        (!values.is_empty()).then(|| format!("[{values_word}: {}]", names.join(", ")));
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let short_notes: Vec<&str> = [&default_note, &values_note]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let short = join_nonempty(&help, &short_notes.join(" "), " ");
    let long_base = a.get_long_help().map(ToString::to_string);
    let long = if values.iter().any(|(_, h)| h.is_some()) {
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0) + 1;
        let list: Vec<String> = values
            .iter()
            .map(|(name, h)| {
                let label = format!("{name}:");
                match h {
                    Some(h) => format!("- {label:<width$} {h}"),
                    None => format!("- {name}"),
                }
            })
            .collect();
        let mut text = join_nonempty(
            long_base.as_deref().unwrap_or(&help),
            &format!("{values_heading}:\n{}", list.join("\n")),
            "\n\n",
        );
        if let Some(d) = &default_note {
            text = format!("{text}\n\n{d}");
        }
        Some(text)
    } else {
        long_base.map(|l| join_nonempty(&l, &short_notes.join("\n"), "\n\n"))
    };
    a.help(short)
        .long_help(to_resettable(long))
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A text, or none (clap's own then).
fn to_resettable(text: Option<String>) -> Resettable<StyledStr> {
    match text {
        Some(t) => Resettable::Value(t.into()),
        None => Resettable::Reset,
    }
}

fn join_nonempty(first: &str, second: &str, sep: &str) -> String {
    match (first.is_empty(), second.is_empty()) {
        (true, _) => second.to_owned(),
        (_, true) => first.to_owned(),
        _ => format!("{first}{sep}{second}"),
    }
}

/// Does this command's help have a long form (`--help` more than `-h`)? As clap
/// decides it, for the arguments and texts set so far.
fn has_long_help(cmd: &Command) -> bool {
    cmd.get_long_about().is_some()
        || cmd.get_before_long_help().is_some()
        || cmd.get_after_long_help().is_some()
        || cmd
            .get_arguments()
            .any(|a| !a.is_hide_set() && a.get_long_help().is_some())
}

/// Indonesian headings, and `-h`/`-V` with Indonesian help.
fn add_fixed_words(cmd: Command) -> Command {
    let styles = cmd.get_styles();
    let (header, usage) = (styles.get_header(), styles.get_usage());
    let mut sections = Vec::new();
    if cmd.has_subcommands() {
        sections.push(format!("{header}Perintah:{header:#}\n{{subcommands}}"));
    }
    if cmd.get_positionals().next().is_some() {
        sections.push(format!("{header}Argumen:{header:#}\n{{positionals}}"));
    }
    sections.push(format!("{header}Opsi:{header:#}\n{{options}}"));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}Pemakaian:{usage:#} {{usage}}\n\n{}{{after-help}}",
        sections.join("\n\n")
    );
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .display_order(HELP_ORDER);
    let help = if has_long_help(&cmd) {
        help.help("Tampilkan bantuan (selengkapnya dengan '--help')")
            .long_help("Tampilkan bantuan (ringkasnya dengan '-h')")
    } else {
        help.help("Tampilkan bantuan")
    };
    let has_version = cmd.get_version().is_some() || cmd.get_long_version().is_some();
    let mut cmd = cmd
        .help_template(StyledStr::from(template))
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .disable_help_flag(true)
        .arg(help);
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Tampilkan versi")
                .display_order(HELP_ORDER + 1),
        );
    }
    cmd
}

/// After clap has built the tree: its `help` command and the usage lines in
/// Indonesian.
fn localise_built(mut cmd: Command) -> Command {
    let usage = cmd.render_usage().ansi().to_string();
    // "Usage:" in its style, then the line itself.
    let line = usage
        .split_once("Usage:")
        .map(|(_, rest)| rest)
        .unwrap_or(&usage);
    let reset = cmd.get_styles().get_usage().render_reset().to_string();
    let line = line.strip_prefix(reset.as_str()).unwrap_or(line);
    let line = line.trim_start().replace("[OPTIONS]", "[OPSI]");
    cmd = cmd.override_usage(StyledStr::from(line));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(&name, localise_help_command)
        } else {
            cmd.mut_subcommand(&name, localise_built)
        };
    }
    cmd
}

/// clap's `help` command (`juknis help check`), and its own `help`.
fn localise_help_command(cmd: Command) -> Command {
    let styles = cmd.get_styles();
    let (header, usage) = (styles.get_header(), styles.get_usage());
    let template = format!(
        "{{about-with-newline}}\n{usage}Pemakaian:{usage:#} {{usage}}\n\n{header}Perintah:{header:#}\n{{subcommands}}"
    );
    let has_help = cmd.get_subcommands().any(|s| s.get_name() == "help");
    let cmd = cmd
        .about("Tampilkan bantuan ini atau bantuan perintah yang disebut")
        .help_template(StyledStr::from(template))
        .subcommand_value_name("PERINTAH");
    if has_help {
        cmd.mut_subcommand("help", |s| {
            s.about("Tampilkan bantuan perintah yang disebut")
        })
    } else {
        cmd
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Every key an entry can have: commands, arguments and described values.
    fn collect_keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_owned());
        for a in cmd.get_arguments() {
            out.push(format!("{path}.{}", a.get_id()));
            for v in a.get_possible_values() {
                if v.get_help().is_some() {
                    out.push(format!("{path}.{}={}", a.get_id(), v.get_name()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            collect_keys(s, &child_path(path, s.get_name()), out);
        }
    }

    fn list_keys() -> Vec<String> {
        let mut out = Vec::new();
        collect_keys(&Cli::command(), "", &mut out);
        out
    }

    #[test]
    fn every_english_entry_names_an_argument_or_command() {
        let known = list_keys();
        let dead: Vec<&str> = ENGLISH
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !known.iter().any(|n| n == k))
            .collect();
        assert!(dead.is_empty(), "English entries for nothing: {dead:?}");
    }

    #[test]
    fn every_argument_and_command_has_an_english_entry() {
        let missing: Vec<String> = list_keys()
            .into_iter()
            .filter(|k| find_english(k).is_none())
            .collect();
        assert!(missing.is_empty(), "no English help for: {missing:?}");
    }

    #[test]
    fn no_key_is_written_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for (k, _) in ENGLISH {
            assert!(seen.insert(*k), "{k:?} twice");
        }
    }

    #[test]
    fn both_languages_build_a_valid_command() {
        localise(Cli::command(), Lang::Id).debug_assert();
        localise(Cli::command(), Lang::En).debug_assert();
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let of = |args: &[&str]| lang_of_args(args.iter().map(OsString::from));
        assert_eq!(of(&["juknis", "--help"]), Lang::Id);
        assert_eq!(of(&["juknis", "--lang", "en", "--help"]), Lang::En);
        assert_eq!(of(&["juknis", "check", "--help", "--lang=en"]), Lang::En);
        assert_eq!(of(&["juknis", "--lang", "id"]), Lang::Id);
        assert_eq!(of(&["juknis", "check", "--", "--lang", "en"]), Lang::Id);
    }

    #[test]
    fn the_old_flag_names_still_parse() {
        for args in [
            ["juknis", "kunci", "--keluaran", "k"],
            ["juknis", "kunci", "-o", "k"],
            ["juknis", "kunci", "--output", "k"],
        ] {
            let cmd = localise(Cli::command(), Lang::Id);
            let m = cmd.try_get_matches_from(args).unwrap();
            let (_, sub) = m.subcommand().unwrap();
            assert_eq!(
                sub.get_one::<std::path::PathBuf>("output").unwrap(),
                &std::path::PathBuf::from("k")
            );
        }
    }
}
