#!/usr/bin/env python3
"""Where a JFR recording of bench/run.sh (BENCH_PROFILE=dir) spent its CPU samples.

    bench/jfr_hot.py DIR/list.jfr [--only SUBSTRING] [--top N]

Prints the share of execution samples by package of the running method (self time), and the methods found
anywhere on the sampled stacks (inclusive time). Needs the JDK's `jfr` tool (JFR_TOOL, else `jfr` on PATH).
"""
import argparse
import collections
import json
import os
import subprocess


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--only", help="keep samples whose stack has a method containing this text")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    printed = subprocess.run(
        [os.environ.get("JFR_TOOL", "jfr"), "print", "--json", "--stack-depth", "256", "--events",
         "jdk.ExecutionSample", args.recording], check=True, capture_output=True, text=True).stdout
    packages, inclusive, total = collections.Counter(), collections.Counter(), 0
    for event in json.loads(printed)["recording"]["events"]:
        stack = event["values"]["stackTrace"]
        if not stack or not stack["frames"]:
            continue
        methods = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in stack["frames"]]
        if args.only and not any(args.only in m for m in methods):
            continue
        total += 1
        packages[".".join(methods[0].split(".")[:3])] += 1
        inclusive.update(set(methods))
    print(f"{total} samples")
    print("-- self, by package")
    for name, count in packages.most_common(args.top):
        print(f"{100 * count / total:5.1f}%  {name}")
    print("-- inclusive, by method")
    for name, count in inclusive.most_common(args.top):
        print(f"{100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
