/** placeholder */ package org.truce.server;
