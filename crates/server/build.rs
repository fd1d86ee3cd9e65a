//! Rebuilds the crate when a file of the web UI changes: `include_dir!` embeds `web/` at compile
//! time but does not tell cargo to watch it.

fn main() {
    println!("cargo:rerun-if-changed=../../web");
}
