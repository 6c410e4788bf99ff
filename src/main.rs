// glibc's malloc was a quarter of render's instructions (many small strings per action);
// mimalloc halves that cost. See the README's performance section.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(callactions::run(std::env::args_os()));
}
