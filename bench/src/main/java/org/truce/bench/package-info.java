/** placeholder */ package org.truce.bench;
