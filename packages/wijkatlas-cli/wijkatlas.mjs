#!/usr/bin/env node
import '../../bin/wijkatlas.mjs';
