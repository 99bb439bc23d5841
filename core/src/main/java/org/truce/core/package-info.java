/** placeholder */ package org.truce.core;
