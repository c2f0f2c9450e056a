//! The page's types, generated: `cargo test -p lifeboat-app bindings` writes
//! `ui/bindings/`, one `.ts` file per type a command takes or returns (ts-rs,
//! from the Rust types themselves) and `commands.ts`, every command's
//! arguments and result as its signature in `src/commands/` declares them.
//! `ui/ipc.js` types `call` with it and `tsc` checks the page against it
//! (scripts/test.sh, which also fails when the committed files are stale), so
//! a renamed field, argument or command fails the build. It also checks that
//! `main.rs`, `build.rs` and the window's capability name exactly these commands.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Type};
use ts_rs::{Config, TS};

use crate::commands;
use crate::error::AppError;

/// Export each type (and what it is made of) and give the names it goes by.
macro_rules! export {
    ($cfg:expr; $($t:ty),* $(,)?) => {{
        let mut names = BTreeSet::new();
        $(
            <$t as TS>::export_all($cfg).expect("a binding could not be written");
            names.insert(<$t as TS>::ident($cfg));
        )*
        names
    }};
}

/// Every named type a command's signature uses, by the name written there.
fn export_types(cfg: &Config) -> BTreeSet<String> {
    use lifeboat::vault;
    export!(cfg;
        AppError, commands::vault::VaultStatus, commands::vault::Settings, commands::people::PersonScreen,
        commands::handoff::Started, commands::import::DropMessage, commands::import::ImportFormat,
        commands::backup::Protect, vault::PersonPage, vault::MessageResults, vault::Decision, vault::GroupView,
        vault::GroupSummary,
        vault::Ask, vault::AskLanguage, vault::BatchSummary, vault::UndoReport, vault::ImportReport,
        vault::RestoreReport, vault::Suggestion, vault::MergeReport, lifeboat::links::LinkKind,
        lifeboat::handoff::Status, lifeboat::import::Progress, lifeboat::import::DateOrder,
        lifeboat::export::Format, lifeboat::backup::Counts, lifeboat::backup::Verified,
        lifeboat::backup::MyKeys, lifeboat::backup::ImportedKeys, lifeboat::i18n::Lang,
    )
}

/// One command as the page calls it.
struct Command {
    /// `name: type` of each argument the page passes, named as `invoke` takes them.
    args: Vec<String>,
    result: String,
}

/// The `#[tauri::command]` functions of every file in `dir`, by name.
fn read_commands(dir: &Path, known: &BTreeSet<String>) -> BTreeMap<String, Command> {
    let mut found = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("src/commands").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("a command file");
        let parsed = syn::parse_file(&source).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for item in parsed.items {
            let Item::Fn(f) = item else { continue };
            if !f.attrs.iter().any(|a| a.path().segments.last().is_some_and(|s| s.ident == "command")) {
                continue;
            }
            let name = f.sig.ident.to_string();
            let at = |what: &str| format!("{name} in {}: {what}", file.display());
            let args = f
                .sig
                .inputs
                .iter()
                .filter_map(|input| {
                    let FnArg::Typed(arg) = input else { panic!("{}", at("a method")) };
                    let Pat::Ident(id) = arg.pat.as_ref() else {
                        panic!("{}", at("an argument that is no plain name"))
                    };
                    let ty = ts_type(&arg.ty, known).unwrap_or_else(|e| panic!("{}", at(&e)))?;
                    let optional = if is_option(&arg.ty) { "?" } else { "" };
                    Some(format!("{}{optional}: {ty}", camel_case(&id.ident.to_string())))
                })
                .collect();
            let result = match &f.sig.output {
                ReturnType::Default => "null".to_owned(),
                ReturnType::Type(_, ty) => {
                    let ty = generic(ty, "Result").map_or(ty.as_ref(), |(ok, _)| ok);
                    ts_type(ty, known).unwrap_or_else(|e| panic!("{}", at(&e))).expect("a result the page gets")
                }
            };
            found.insert(name, Command { args, result });
        }
    }
    found
}

/// The TypeScript type of a Rust type in a signature; None for what Tauri
/// passes itself (the app's state, its handle).
fn ts_type(ty: &Type, known: &BTreeSet<String>) -> Result<Option<String>, String> {
    let inner = |ty: &Type| ts_type(ty, known)?.ok_or_else(|| "a state inside a type".to_owned());
    if let Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok(Some("null".to_owned()));
    }
    if let Type::Reference(r) = ty {
        return ts_type(&r.elem, known);
    }
    let Type::Path(path) = ty else { return Err("no binding for a type of this shape".to_owned()) };
    let last = path.path.segments.last().ok_or("an empty type")?.ident.to_string();
    let ts = match last.as_str() {
        "State" | "AppHandle" | "Window" | "WebviewWindow" => return Ok(None),
        "String" | "str" | "PathBuf" => "string".to_owned(),
        "bool" => "boolean".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32" | "f64" => {
            "number".to_owned()
        }
        "Option" => format!("{} | null", inner(generic(ty, "Option").ok_or("Option of what")?.0)?),
        "Vec" => format!("Array<{}>", inner(generic(ty, "Vec").ok_or("Vec of what")?.0)?),
        "Channel" => format!("Channel<{}>", inner(generic(ty, "Channel").ok_or("Channel of what")?.0)?),
        map @ ("BTreeMap" | "HashMap") => {
            let (key, value) = generic(ty, map).ok_or("a map of what")?;
            format!("Record<{}, {}>", inner(key)?, inner(value)?)
        }
        named if known.contains(named) => named.to_owned(),
        named => return Err(format!("{named} is not exported: add it to export_types in src/bindings.rs")),
    };
    Ok(Some(ts))
}

/// The type arguments of `Name<A, B>` (the second is `A` when there is one only).
fn generic<'t>(ty: &'t Type, name: &str) -> Option<(&'t Type, &'t Type)> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    if last.ident != name {
        return None;
    }
    let mut types = args.args.iter().filter_map(|a| if let GenericArgument::Type(t) = a { Some(t) } else { None });
    let first = types.next()?;
    Some((first, types.next().unwrap_or(first)))
}

fn is_option(ty: &Type) -> bool {
    generic(ty, "Option").is_some()
}

/// Tauri's name for an argument: `dry_run` is passed as `dryRun`.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The commands `build.rs` makes a permission for (the capability grants those), by name.
fn permitted(build: &str) -> BTreeSet<String> {
    let start = build.find("COMMANDS: &[&str] = &[").expect("COMMANDS in build.rs");
    let list = &build[start..start + build[start..].find("];").expect("the end of COMMANDS")];
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The commands the window's capability allows, by name (`allow-pick-files`: `pick_files`).
fn allowed(capability: &str) -> BTreeSet<String> {
    let json: serde_json::Value = serde_json::from_str(capability).expect("capabilities/main.json");
    json["permissions"]
        .as_array()
        .expect("its permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

/// The commands `main.rs` hands to `generate_handler!`, by name.
fn registered(main: &str) -> BTreeSet<String> {
    let start = main.find("generate_handler![").expect("generate_handler! in main.rs");
    let list = &main[start..start + main[start..].find(']').expect("the end of generate_handler!")];
    list.split(',')
        .filter_map(|path| path.rsplit("::").next())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

fn render(commands: &BTreeMap<String, Command>, known: &BTreeSet<String>) -> String {
    let mut out = String::from(
        "// Generated by `cargo test -p lifeboat-app bindings` from src-tauri/src/commands/: do not edit.\n\n\
         import type { Channel } from \"../ipc.js\";\n",
    );
    let used: BTreeSet<&String> = known
        .iter()
        .filter(|name| {
            let word = |t: &str| t.split(|c: char| !c.is_alphanumeric()).any(|w| w == name.as_str());
            commands.values().any(|c| word(&c.result) || c.args.iter().any(|a| word(a)))
        })
        .collect();
    for name in used {
        out.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    out.push_str("\n/** Every command the window may call: its arguments, as `invoke` takes them, and its result. */\nexport type Commands = {\n");
    for (name, c) in commands {
        let args =
            if c.args.is_empty() { "Record<string, never>".to_owned() } else { format!("{{ {} }}", c.args.join(", ")) };
        out.push_str(&format!("  {name}: {{ args: {args}; result: {} }};\n", c.result));
    }
    out.push_str(
        "};\n\n/** `call`'s arguments after the command's name: optional when it needs none. */\n\
         export type CallArgs<K extends keyof Commands> = {} extends Commands[K][\"args\"]\n  \
         ? [args?: Commands[K][\"args\"]]\n  : [args: Commands[K][\"args\"]];\n",
    );
    out
}

#[test]
fn bindings() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = app.join("../ui/bindings");
    // Written afresh: a type no command uses any more leaves no file behind.
    let _ = std::fs::remove_dir_all(&out);
    let cfg = Config::new().with_out_dir(&out).with_large_int("number");
    let known = export_types(&cfg);
    let commands = read_commands(&app.join("src/commands"), &known);
    let main = std::fs::read_to_string(app.join("src/main.rs")).expect("main.rs");
    let names: BTreeSet<String> = commands.keys().cloned().collect();
    assert_eq!(registered(&main), names, "main.rs registers exactly the commands of src/commands/");
    let build = std::fs::read_to_string(app.join("build.rs")).expect("build.rs");
    assert_eq!(permitted(&build), names, "build.rs makes a permission for exactly the commands of src/commands/");
    let capability = std::fs::read_to_string(app.join("capabilities/main.json")).expect("capabilities/main.json");
    assert_eq!(allowed(&capability), names, "the window's capability allows exactly the commands of src/commands/");
    std::fs::write(out.join("commands.ts"), render(&commands, &known)).expect("commands.ts");
}
