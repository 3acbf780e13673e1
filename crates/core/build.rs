//! The locales are embedded with `include_dir!`, which cargo does not watch: rebuild
//! when any `.ftl` file changes.

fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
