fn main() {
    std::process::exit(callactions::run(std::env::args_os()));
}
