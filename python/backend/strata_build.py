"""A PEP 517 build backend for the strata package, standard library only.

It configures the repository around this folder with CMake (the Python
package on; tests, benchmarks and examples off), builds the extension, installs
the package's CMake component into a staging folder and zips that into a
wheel. The CMake build folder, `build-python` at the repository's root
unless one is given, is kept between runs so that a second install only
rebuilds what changed.
"""

import base64
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent.parent  # python/
REPO = HERE.parent
NAME = "strata"


def _version() -> str:
    text = (REPO / "CMakeLists.txt").read_text()
    match = re.search(r"project\(strata VERSION ([0-9.]+)", text)
    if match is None:
        raise RuntimeError(f"{REPO / 'CMakeLists.txt'}: no project(strata VERSION ...) line")
    return match.group(1)


def _tag() -> str:
    """The wheel tag of the running interpreter: cp311-cp311-linux_x86_64."""
    impl = f"cp{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{impl}-{platform}"


def _metadata() -> str:
    readme = (HERE / "README.md").read_text()
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {_version()}\n"
        "Summary: How a document changes over time: sections, claims, programmes and wording\n"
        "Requires-Python: >=3.11\n"
        "Provides-Extra: batch\n"
        'Requires-Dist: dask; extra == "batch"\n'
        'Requires-Dist: distributed; extra == "batch"\n'
        "Description-Content-Type: text/markdown\n\n" + readme
    )


def _dist_info() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _build_package(staging: pathlib.Path, config_settings) -> pathlib.Path:
    """Builds the package and installs it under `staging`; returns the folder
    that holds `strata/`. `config_settings` may name an existing build folder
    ("build-dir", as `pip install --config-settings build-dir=build ./python`): it is then
    only told to build the package, its other settings kept."""
    given = (config_settings or {}).get("build-dir")
    # pip runs the backend in python/, so a relative folder is taken from the
    # checkout's root, where `cmake -B build` made it, not from python/.
    build = (REPO / given).resolve() if given else REPO / "build-python"
    configure = ["cmake", "-S", str(REPO), "-B", str(build), "-DSTRATA_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}"]
    if not given:
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        configure += [
            *generator,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DSTRATA_BUILD_TESTS=OFF",
            "-DSTRATA_BUILD_BENCH=OFF",
            "-DSTRATA_BUILD_EXAMPLES=OFF",
        ]
    subprocess.run(configure, check=True)
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
    subprocess.run(["cmake", "--build", str(build), "--target", "strata_python", "-j", jobs], check=True)
    subprocess.run(
        ["cmake", "--install", str(build), "--component", "python", "--prefix", str(staging)], check=True
    )
    (init,) = staging.rglob(f"{NAME}/__init__.py")
    return init.parent.parent


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info = pathlib.Path(metadata_directory) / _dist_info()
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata())
    return info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    with tempfile.TemporaryDirectory() as tmp:
        site = _build_package(pathlib.Path(tmp), config_settings)
        files = {}
        for path in sorted((site / NAME).rglob("*")):
            if path.is_file():
                files[path.relative_to(site).as_posix()] = path.read_bytes()
        info = _dist_info()
        files[f"{info}/METADATA"] = _metadata().encode()
        files[f"{info}/WHEEL"] = (
            f"Wheel-Version: 1.0\nGenerator: strata_build\nRoot-Is-Purelib: false\nTag: {_tag()}\n"
        ).encode()
        record = [_record_line(name, data) for name, data in files.items()]
        record.append(f"{info}/RECORD,,")
        files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
        wheel = f"{NAME}-{_version()}-{_tag()}.whl"
        with zipfile.ZipFile(pathlib.Path(wheel_directory) / wheel, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    return wheel
