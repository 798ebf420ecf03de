#include "client/cli/cli.hpp"

int main(int argc, char** argv) { return spoed::cli::Main(argc, argv); }
