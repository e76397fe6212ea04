#!/usr/bin/env python3
#
# upgrade: the launcher of the Juniper Upgrade Platform's client, served by the platform at /upgrade. Either of
#
#   python3 <(curl -s https://<platform>/upgrade) test -d mydb -t 17.0
#   bash <(curl -s https://<platform>/upgrade) test -d mydb -t 17.0
#
# fetches the client (upgrade-cli.jar) and, on Linux, a Java runtime made for it, checks both against the sha256
# the platform wrote into this script, keeps them in ~/.cache/juniper-upgrade/<sha256>/ and runs the client against
# the platform. Every argument goes to the client: try --help.
#
# The file is Python. Its next three lines are also bash, which reads the Python part into a variable and hands it to
# python3 (for Python they are a string); see upgrade-cli/README.md.
''':'
command -v python3 >/dev/null || { echo "upgrade: Python 3 is needed: install it (e.g. apt install python3)" >&2; exit 1; }
IFS= read -r -d '' launcher <<'# end of the launcher' || exec python3 -c "$launcher" "$@" # '''
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

# The platform writes its public address and the sha256 of what it serves here when it serves this script.
PLATFORM_URL = "@PLATFORM_URL@"
CLIENT_SHA256 = "@CLIENT_SHA256@"
# Empty when the platform serves no Java runtime: Java 17 or newer is then taken from the PATH.
RUNTIME_SHA256 = "@RUNTIME_SHA256@"

SHA256 = re.compile("^[0-9a-f]{64}$")
CHUNK = 1 << 20


def fail(message):
    sys.stderr.write("upgrade: " + message + "\n")
    sys.exit(1)


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "juniper-upgrade")


def fetch(what, path, sha256, folder):
    """Downloads PLATFORM_URL + path into folder; returns the file once its sha256 is the expected one."""
    url = PLATFORM_URL + path
    handle, part = tempfile.mkstemp(dir=folder, suffix=".part")
    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as out:
            with urllib.request.urlopen(url, timeout=60) as answer:
                size = int(answer.headers.get("Content-Length") or 0)
                if size > 4 * CHUNK:
                    sys.stderr.write("upgrade: fetching %s (%.1f MiB), once\n" % (what, size / CHUNK))
                while True:
                    block = answer.read(CHUNK)
                    if not block:
                        break
                    digest.update(block)
                    out.write(block)
    except OSError as e:
        os.unlink(part)
        fail("could not fetch %s from %s (%s); check the address and the network" % (what, url, e))
    if digest.hexdigest() != sha256:
        os.unlink(part)
        fail("%s fetched from %s has sha256 %s, not %s as the platform announced: it was not run. Run the command "
             "again; if this persists, the download is being altered on its way." % (what, url, digest.hexdigest(),
                                                                                    sha256))
    return part


def extract(archive, folder):
    """Unpacks the runtime; refuses members that are not plain files and folders or would land outside folder."""
    root = os.path.realpath(folder)
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(root, member.name))
            inside = target == root or target.startswith(root + os.sep)
            if not inside or not (member.isfile() or member.isdir()):
                fail("the Java runtime holds an unexpected entry %r: it was not run" % member.name)
        if hasattr(tarfile, "data_filter"):
            tar.extractall(root, filter="data")
        else:
            tar.extractall(root)


def install(what, path, sha256, unpack):
    """The cached copy of what has this sha256, fetched and checked first if needed."""
    if not SHA256.match(sha256):
        fail("this launcher was not served by the platform: run bash <(curl -s https://<platform>/upgrade) ...")
    home = cache_dir()
    installed = os.path.join(home, sha256)
    if os.path.isdir(installed):
        return installed
    os.makedirs(home, mode=0o700, exist_ok=True)
    download = fetch(what, path, sha256, home)
    staging = tempfile.mkdtemp(dir=home, prefix=sha256 + ".")
    try:
        if unpack:
            extract(download, staging)
        else:
            os.chmod(download, 0o644)
            os.rename(download, os.path.join(staging, os.path.basename(path)))
        os.rename(staging, installed)
    except OSError:
        # another launcher installed the same version meanwhile
        if not os.path.isdir(installed):
            raise
        shutil.rmtree(staging, ignore_errors=True)
    finally:
        if os.path.exists(download):
            os.unlink(download)
    forget_others(home, installed)
    return installed


def forget_others(home, kept):
    """Removes the versions the platform no longer serves once a new one is in: the cache holds the latest only."""
    current = {CLIENT_SHA256, RUNTIME_SHA256}
    for name in os.listdir(home):
        if SHA256.match(name) and name not in current and os.path.join(home, name) != kept:
            shutil.rmtree(os.path.join(home, name), ignore_errors=True)


def java_on_path():
    java = shutil.which("java")
    if java is None:
        fail("Java 17 or newer is needed on this system (%s %s): install it, e.g. 'brew install openjdk@17' or "
             "'sudo apt install openjdk-17-jre-headless'" % (platform.system(), platform.machine()))
    version = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True).stdout
    found = re.search(r'version "(\d+)', version)
    if not found or int(found.group(1)) < 17:
        fail("the Java on the PATH (%s) is older than 17, which the client needs" % java)
    return java


def main(args):
    if not PLATFORM_URL.startswith(("http://", "https://")):
        fail("the platform's address is unknown: fetch this script from the platform, as in "
             "python3 <(curl -s https://<platform>/upgrade) ...")
    client = os.path.join(install("the client", "/upgrade/upgrade-cli.jar", CLIENT_SHA256, False), "upgrade-cli.jar")
    # the runtime the platform serves is built for Linux; elsewhere, the system's Java
    if RUNTIME_SHA256 and platform.system() == "Linux":
        java = os.path.join(install("the Java runtime", "/upgrade/java-runtime.tar.gz", RUNTIME_SHA256, True),
                            "bin", "java")
    else:
        java = java_on_path()
    env = dict(os.environ, JUNIPER_UPGRADE_URL=PLATFORM_URL)
    try:
        os.execve(java, [java, "-jar", client] + args, env)
    except OSError as e:
        fail("could not run the Java runtime %s (%s): on this machine (%s), install Java 17 or newer"
             % (java, e, platform.machine()))


if __name__ == "__main__":
    main(sys.argv[1:])
# end of the launcher
