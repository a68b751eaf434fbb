#!/usr/bin/env node
'use strict';
console.log(document.cookie);
