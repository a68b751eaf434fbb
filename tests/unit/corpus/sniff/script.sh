#!/bin/sh
echo hello
rm -rf /tmp/x
