"""An S3 stand-in (moto's server) for the media tests and the two-server test."""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3
import pytest

#: Ports this suite's servers take (the S3 stand-in, nginx, the servers, the standby).
PORTS = range(8190, 8200)
S3_REGION = "us-east-1"
# moto takes any credentials; boto3 wants some.
S3_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "mura-test",
    "AWS_SECRET_ACCESS_KEY": "mura-test",
}


def free_port(taken: set[int] = frozenset()) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own test server
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a running moto S3 server."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_REGION,
        aws_access_key_id=S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def s3_bucket(endpoint: str) -> str:
    """A new private bucket's name."""
    name = f"mura-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint).create_bucket(Bucket=name)
    return name
