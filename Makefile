# The two commands: `make run` serves the site on http://127.0.0.1:8080/,
# `make test` builds with sanitizers and runs every test through CTest.
# Both install what is missing first (scripts/install-deps.sh).

JOBS != nproc 2>/dev/null || echo 2

.PHONY: run test build-release build-debug format clean

run: build-release
	scripts/run.sh build/release/gazette

test:
	scripts/install-deps.sh test
	CC=clang cmake -S . -B build/debug -DCMAKE_BUILD_TYPE=Debug -DGAZETTE_WERROR=ON
	cmake --build build/debug -j $(JOBS)
	ctest --test-dir build/debug --output-on-failure -j $(JOBS)

build-release:
	scripts/install-deps.sh run
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DGAZETTE_FUZZ=OFF
	cmake --build build/release -j $(JOBS) --target gazette gazette_fts

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build
